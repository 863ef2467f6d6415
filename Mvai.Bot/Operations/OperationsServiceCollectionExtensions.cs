using Mvai.Bot.Operations.WarmUp;
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
        services.AddOptions<WarmUpOptions>().BindConfiguration(WarmUpOptions.SectionName)
            .Validate(o => o.Duration > TimeSpan.Zero && o.Duration <= TimeSpan.FromMinutes(1), "WarmUp:Duration must be more than 0 and at most 00:01:00.")
            .Validate(o => o.Conversations is >= 1 and <= 32, "WarmUp:Conversations must be 1 to 32.")
            .ValidateOnStart();
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
