using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Operations.WarmUp;

/// <summary>
/// Before the app listens, the hot paths run once in a throwaway copy of it: the same code and configuration, but on a
/// SQLite database in a temporary folder (deleted afterwards), with no log providers, no outbound channel (development
/// mode, nothing listening at the activities' serviceUrl), alerts neither sent nor dispatched and no retention runs.
/// What stays is what a process shares between app instances: the jitted and tiered code, the sentence model and the
/// examples' vectors, the recognizers' models. A new instance (a deployment, a scale-out, a restart after a crash)
/// then answers its first users at speed instead of compiling for them; figures in docs/benchmark.md.
/// </summary>
public static class StartupWarmUp
{
    public static async Task<WarmUpResult> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var scratch = Directory.CreateTempSubdirectory("mvai-warm-up-");
        var clock = Stopwatch.StartNew();
        try
        {
            await using var app = MvaiAssistantApp.Build(args, builder =>
            {
                builder.Logging.ClearProviders();
                builder.Configuration.AddInMemoryCollection(Throwaway(scratch.FullName));
            });
            WarmUpOptions options;
            try
            {
                options = app.Services.GetRequiredService<IOptions<WarmUpOptions>>().Value;
            }
            catch (OptionsValidationException)
            {
                // The real app's start-up refuses the same setting, naming it.
                return WarmUpResult.Skipped("its settings are invalid");
            }
            if (!options.Enabled)
            {
                return WarmUpResult.Skipped("WarmUp:Enabled is false");
            }
            if (!string.IsNullOrWhiteSpace(app.Configuration["Knowledge:OpenAI:Endpoint"]))
            {
                // Synthetic questions must not go to a hosted model, and the local one would be loaded for nothing.
                return WarmUpResult.Skipped("a hosted model is configured (Knowledge:OpenAI:Endpoint)");
            }
            await app.StartAsync(cancellationToken);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient { BaseAddress = address };
            var until = DateTime.UtcNow + options.Duration;
            var workers = await Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(worker => ConverseAsync(http, worker, until, cancellationToken)));
            await app.StopAsync(cancellationToken);
            return WarmUpResult.Ran(workers.Sum(w => w.Turns), workers.Sum(w => w.Failures), clock.Elapsed);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return WarmUpResult.Failed(exception.GetType().Name, clock.Elapsed);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(scratch);
            // The throwaway app's objects are garbage now: give their memory back before the real app starts.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>The settings that keep the throwaway app's effects inside its scratch folder.</summary>
    internal static Dictionary<string, string?> Throwaway(string scratch) => new()
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Storage:Provider"] = "Sqlite",
        ["Storage:ConnectionString"] = $"Data Source={Path.Combine(scratch, "warm-up.db")}",
        ["MicrosoftAppId"] = string.Empty,
        ["MicrosoftAppPassword"] = string.Empty,
        ["MicrosoftAppTenantId"] = string.Empty,
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = string.Empty,
        ["Handoff:Alerts:Smtp:Host"] = string.Empty,
        ["Handoff:Alerts:WebhookUrl"] = string.Empty,
        ["Handoff:Alerts:DispatcherEnabled"] = "false",
        ["Retention:Enabled"] = "false",
        ["Desk:DemoAdvisor"] = "false",
        ["Advisors:SessionKeysDirectory"] = Path.Combine(scratch, "keys"),
    };

    private static async Task<(int Turns, int Failures)> ConverseAsync(HttpClient http, int worker, DateTime until, CancellationToken cancellationToken)
    {
        var (turns, failures) = (0, 0);
        for (var round = 0; DateTime.UtcNow < until; round++)
        {
            var script = WarmUpConversations.Scripts[(worker + round) % WarmUpConversations.Scripts.Count];
            var conversation = $"warm-up-{worker}-{round}";
            for (var turn = 0; turn <= script.Count && DateTime.UtcNow < until; turn++)
            {
                var activity = turn == 0 ? WarmUpConversations.Join(conversation) : WarmUpConversations.Line(conversation, turn, script[turn - 1]);
                using var content = new StringContent(ProtocolJson.Serialize(activity), Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("api/messages", content, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                turns++;
                failures += response.IsSuccessStatusCode ? 0 : 1;
            }
        }
        return (turns, failures);
    }

    private static void TryDelete(DirectoryInfo scratch)
    {
        try
        {
            scratch.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; the app must start regardless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
