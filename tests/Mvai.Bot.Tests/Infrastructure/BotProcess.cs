using System.Diagnostics;
using Activity = Mvai.BotFramework.Protocol.Activity;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// The built assistant (<c>Mvai.Bot.dll</c>) in a child process on a free loopback port, so a test can kill it the
/// way an App Service recycle or an out-of-memory kill does: SIGKILL, no shutdown hooks, no flushing.
/// </summary>
public sealed partial class BotProcess : IBotEndpoint, IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _client;

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Starts the app with <paramref name="settings"/> as environment configuration (<c>Storage:Provider</c>, …).</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { AppAssembly, "--urls", "http://127.0.0.1:0", "--contentRoot", RepositoryPaths.BotProject },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The lifetime logger announces the port; tests must not depend on the hour, so the desk stays closed.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // These tests restart the app to test durability, not start-up speed: no warm-up before it listens.
        start.Environment["WarmUp__Enabled"] = "false";
        foreach (var (key, value) in DeskHours.Closed.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        KillWhenTestProcessEnds(process.Id);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The app exited before listening:\n" + string.Join('\n', output)));
                return;
            }
            output.Enqueue(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new BotProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The test runner may end this process without running exit handlers, so a detached watcher kills the app once this
    /// process is gone (only if that pid is still our app: pids are reused).
    /// </summary>
    private static void KillWhenTestProcessEnds(int appPid)
    {
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
            $"grep -q Mvai.Bot.dll /proc/{appPid}/cmdline && kill -9 {appPid}";
        Process.Start(new ProcessStartInfo("setsid", ["/bin/sh", "-c", script]) { UseShellExecute = false })?.Dispose();
    }

    /// <summary>The app as built beside this test assembly's configuration (Debug or Release).</summary>
    private static string AppAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepositoryPaths.BotProject, "bin", configuration, "net10.0", "Mvai.Bot.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build Mvai.Bot first", path);
        }
    }

    public async Task<IList<Activity>> ExpectRepliesAsync(Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var content = new StringContent(ProtocolJson.Serialize(activity), System.Text.Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("api/messages", content);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ExpectedReplies);
        return body!.Activities;
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
