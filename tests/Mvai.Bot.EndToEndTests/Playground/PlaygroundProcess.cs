using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.EndToEndTests.Playground;

/// <summary>
/// The real Microsoft 365 Agents Playground (the pinned npm package) as a child process, without any Microsoft
/// login: no client id or secret, so it sends the bot no token and checks none. It fails loudly when it is not
/// installed or does not start.
/// </summary>
internal sealed partial class PlaygroundProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _scratch;

    private PlaygroundProcess(Process process, string scratch)
    {
        _process = process;
        _scratch = scratch;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static string CliPath => Path.Combine(RepositoryPaths.Root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public static async Task<PlaygroundProcess> StartAsync(Uri botEndpoint)
    {
        if (!File.Exists(CliPath))
        {
            throw new InvalidOperationException(
                $"The Microsoft 365 Agents Playground is not installed ({CliPath} is missing). Run `npm ci` in {RepositoryPaths.Root}.");
        }
        // Its log file goes to ./devTools relative to the working directory: keep that out of the repository.
        var scratch = Directory.CreateTempSubdirectory("mvai-playground-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = scratch,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            CliPath, "--app-endpoint", botEndpoint.ToString(), "--channel-id", "msteams",
            "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; is Node.js installed?");
        var playground = new PlaygroundProcess(process, scratch);
        try
        {
            playground.BaseAddress = await playground.WaitUntilListeningAsync();
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
        return playground;
    }

    /// <summary>What it printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private async Task<Uri> WaitUntilListeningAsync()
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }
            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (first != listening.Task)
        {
            var why = first == exited ? $"exited with code {_process.ExitCode}" : $"did not print 'Listening on N' within {StartTimeout.TotalSeconds} s";
            throw new InvalidOperationException($"The Agents Playground {why}. Its output:\n{Output}");
        }
        // It listens on every interface; the tests talk to it on loopback.
        return new Uri($"http://127.0.0.1:{await listening.Task}/");
    }

    /// <summary>A port free right now (it falls back to a random one if taken, and says which).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed; the temp folder is cleaned up by the OS eventually.
        }
    }
}
