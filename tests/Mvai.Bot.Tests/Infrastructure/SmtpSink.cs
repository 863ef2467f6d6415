using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, see TestData/smtp/smtp_sink.py) on a loopback port, saving
/// what it receives. <c>PYTHON3_PATH</c> overrides the interpreter (default /usr/bin/python3, where apt puts aiosmtpd).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private SmtpSink(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        _folder = folder;
    }

    public int Port { get; }

    /// <summary>A loopback port nobody listens on right now, for a server that starts later.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server; with <paramref name="credentials"/> it accepts mail only after AUTH with them.</summary>
    public static async Task<SmtpSink> StartAsync(int? port = null, (string User, string Password)? credentials = null)
    {
        var chosen = port ?? FreePort();
        var folder = Path.Combine(Path.GetTempPath(), "mvai-tests", $"smtp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var script = Path.Combine(AppContext.BaseDirectory, "TestData", "smtp", "smtp_sink.py");
        var python = Environment.GetEnvironmentVariable("PYTHON3_PATH") is { Length: > 0 } custom ? custom : "/usr/bin/python3";
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { script, chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), folder },
        };
        if (credentials is { } login)
        {
            start.ArgumentList.Add(login.User);
            start.ArgumentList.Add(login.Password);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}");
        // Drained as it comes, so warnings can never fill the pipe and stall the server.
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => errors.Enqueue(e.Data ?? string.Empty);
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "READY")
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            var error = string.Join(Environment.NewLine, errors);
            throw new InvalidOperationException($"The SMTP sink did not start (is python3-aiosmtpd installed?): {error}");
        }
        return new SmtpSink(process, chosen, folder);
    }

    public IReadOnlyList<ReceivedMail> Received() =>
        [.. Directory.GetFiles(_folder, "*.eml").Select(file =>
        {
            var message = MimeMessage.Load(file);
            return new ReceivedMail([.. message.Headers.Where(h => h.Field == "X-Envelope-To").Select(h => h.Value.Trim())], message);
        })];

    /// <summary>Waits until at least <paramref name="count"/> messages arrived; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        await Eventually.TrueAsync(() => Task.FromResult(Directory.GetFiles(_folder, "*.eml").Length >= count), $"{count} e-mail(s) at the SMTP sink", timeout);
        return Received();
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(exit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>One received message with its envelope recipients.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message);
