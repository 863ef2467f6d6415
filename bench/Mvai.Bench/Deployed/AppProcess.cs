using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mvai.Bench.Deployed;

/// <summary>
/// The app under load as its own process: the published app as it runs deployed (production environment, the
/// bench's settings from <see cref="BenchAppSettings"/>, development-mode authentication from loopback), or the JS SDK
/// peer. Ready once <c>/healthz</c> answers 200; killed, and its database deleted, on dispose.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly string? _databaseFile;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address, string? databaseFile)
    {
        _process = process;
        Address = address;
        _databaseFile = databaseFile;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>From starting the process to the first healthy <c>/healthz</c>.</summary>
    public TimeSpan StartUp { get; private set; }

    public static Task<AppProcess> StartPublishedAsync(string appDirectory, BenchOptions options, string advisorSecretHash)
    {
        var address = FreeLoopbackAddress();
        var database = options.Storage == "postgres" ? null : Path.Combine(Path.GetTempPath(), $"mvai-bench-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appDirectory, "Mvai.Bot.dll")]) { WorkingDirectory = appDirectory };
        foreach (var (key, value) in Environment(options, address, database, advisorSecretHash))
        {
            start.Environment[key] = value;
        }
        return StartAsync(start, address, database);
    }

    /// <summary>The Bot Framework JS SDK peer (<c>bench/js-peer</c>, its packages installed by <c>npm ci</c> there).</summary>
    public static Task<AppProcess> StartJsPeerAsync(string peerDirectory)
    {
        var address = FreeLoopbackAddress();
        var start = new ProcessStartInfo("node", ["bot.js"]) { WorkingDirectory = peerDirectory };
        start.Environment["PORT"] = address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["NODE_ENV"] = "production";
        return StartAsync(start, address, databaseFile: null);
    }

    private static async Task<AppProcess> StartAsync(ProcessStartInfo start, Uri address, string? databaseFile)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var started = Stopwatch.StartNew();
        var app = new AppProcess(Process.Start(start)!, address, databaseFile);
        app._process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        app._process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        app.StartUp = started.Elapsed;
        return app;
    }

    /// <summary>The bench's settings as environment variables (which outrank appsettings.json), then <c>--env</c>'s.</summary>
    public static Dictionary<string, string> Environment(BenchOptions options, Uri address, string? database, string advisorSecretHash)
    {
        var settings = BenchAppSettings.Create(options, database, advisorSecretHash)
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value ?? string.Empty, StringComparer.Ordinal);
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["Urls"] = address.ToString().TrimEnd('/');
        foreach (var (key, value) in options.AppEnvironment)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>What the app printed last, for a failure's message.</summary>
    public string OutputTail => string.Join(System.Environment.NewLine, _output);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_databaseFile is not null)
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_databaseFile)!, Path.GetFileName(_databaseFile) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was healthy:{System.Environment.NewLine}{OutputTail}");
            }
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"The app was not healthy within {limit.TotalSeconds:0} s:{System.Environment.NewLine}{OutputTail}");
    }

    private static Uri FreeLoopbackAddress()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}/");
    }
}
