using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Mvai.Bot.Tests.Infrastructure;
using OpenTelemetry.Trace;

namespace Mvai.Bot.Tests.Operations;

/// <summary>
/// Traces go to an OTLP collector when one is configured (here a local server speaking OTLP/HTTP), and nothing is
/// collected when none is: an unobserved instance should not build and drop a span tree for every request.
/// </summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task WithACollector_ATurnsSpansAreExportedOverOtlp()
    {
        var exports = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var collector = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            exports.Enqueue((context.Request.Path, body.ToArray()));
            return Results.Ok();
        }));
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });

        await new Conversation(host).SayAsync("hello there");

        // The protobuf payload carries span names as plain UTF-8.
        await Eventually.TrueAsync(() => Task.FromResult(exports.Any(e => e.Path == "/v1/traces" && Contains(e.Body, "bot.turn"))),
            "the turn's span reached the collector", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task WithoutACollector_NoTracesAreCollected()
    {
        await using var host = await BotTestHost.StartAsync();

        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
