using Mvai.BotFramework.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mvai.Bot.Operations;

/// <summary>
/// Health checks, and OpenTelemetry traces and metrics exported over OTLP when an endpoint is configured. Without one,
/// nothing is collected: an unobserved instance would otherwise build and drop an activity tree for every request.
/// (The bot's own sources and meters still work for any listener, e.g. dotnet-counters.)
/// </summary>
public static class OperationsServiceCollectionExtensions
{
    public const string ActivitySourceName = "Mvai.Bot";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("mvai-assistant"))
            .WithTracing(tracing => tracing
                .AddSource(ActivitySourceName, BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(BotTelemetry.Name)
                .AddRuntimeInstrumentationIfPresent())
            .UseOtlpExporter();
        return services;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz");
        return endpoints;
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfPresent(this MeterProviderBuilder metrics) =>
        metrics.AddMeter("System.Runtime");
}
