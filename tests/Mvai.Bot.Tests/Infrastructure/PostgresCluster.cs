using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server for tests: the one named by <c>MVAI_TEST_POSTGRES</c> (a connection string), or a throwaway
/// cluster of the Debian binaries, initialised in a temp folder, listening on 127.0.0.1 on a free port, and deleted on
/// dispose. Tests get a fresh database each from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string EnvironmentVariable = "MVAI_TEST_POSTGRES";
    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(StartSharedAsync);

    private readonly string? _folder;
    private readonly string? _binaries;
    private readonly int _port;

    private PostgresCluster(string adminConnectionString, string? folder = null, string? binaries = null, int port = 0)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
        _binaries = binaries;
        _port = port;
    }

    /// <summary>Connects as the superuser to the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>True when this cluster is ours to stop and start (not the one named by the environment).</summary>
    public bool IsOwned => _folder is not null;

    /// <summary>The cluster shared by the test run; stopped when the test process exits.</summary>
    public static Task<PostgresCluster> SharedAsync() => SharedCluster.Value;

    /// <summary>A cluster of its own, for tests that stop and start the server.</summary>
    public static async Task<PostgresCluster> StartOwnAsync()
    {
        var binaries = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), $"mvai-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            // initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:postgres", folder]);
        }
        await RunAsPostgresAsync(Path.Combine(binaries, "initdb"),
            ["-D", Path.Combine(folder, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var cluster = new PostgresCluster($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", folder, binaries, port);
            try
            {
                await cluster.StartAsync();
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process bound the port between the check and the server's start: try another one.
                continue;
            }
            cluster.RemoveWhenProcessEnds();
            return cluster;
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"mvai_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        // Small pools and short idle lifetimes: many test hosts share one server's connection limit.
        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = 20,
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 5,
            Timeout = 5,
        }.ConnectionString;
    }

    /// <summary>Takes the server down (fast shutdown: open connections are cut).</summary>
    public Task StopAsync() =>
        RunAsPostgresAsync(PgCtl, ["-D", DataFolder, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the server (again) on its port and waits until it accepts connections.</summary>
    public Task StartAsync() =>
        RunAsPostgresAsync(PgCtl, ["-D", DataFolder, "-w", "-t", "30", "-l", Path.Combine(_folder!, "server.log"), "-o",
            $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c fsync=off " +
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start"]);

    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }
        try
        {
            await RunAsPostgresAsync(PgCtl, ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped by a test.
        }
        Directory.Delete(_folder, recursive: true);
    }

    private string PgCtl => Path.Combine(_binaries!, "pg_ctl");

    private string DataFolder => Path.Combine(_folder ?? throw new InvalidOperationException(
        $"The server named by {EnvironmentVariable} is not ours to stop or start."), "data");

    private static async Task<PostgresCluster> StartSharedAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external)
        {
            return new PostgresCluster(external);
        }
        DeleteLeftovers();
        return await StartOwnAsync();
    }

    /// <summary>
    /// The test host process may end without running exit handlers (the test runner stops it), so a detached watcher
    /// stops the server and deletes its folder once this process is gone.
    /// </summary>
    private void RemoveWhenProcessEnds()
    {
        var stop = Environment.UserName == "root" ? $"runuser -u postgres -- '{PgCtl}'" : $"'{PgCtl}'";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
            $"{stop} -D '{DataFolder}' -m immediate -w stop; rm -rf '{_folder}'";
        var watcher = new ProcessStartInfo("setsid", ["/bin/sh", "-c", script]) { UseShellExecute = false };
        Process.Start(watcher)?.Dispose();
    }

    /// <summary>Clusters of earlier runs whose test process was killed before it could delete them.</summary>
    private static void DeleteLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "mvai-pg-*"))
        {
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-10))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault() ?? throw NotInstalled()
            : throw NotInstalled();

    private static InvalidOperationException NotInstalled() => new(
        $"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run ./test.sh, apt-get install postgresql, or set {EnvironmentVariable}.");

    /// <summary>
    /// A free port below the kernel's ephemeral range. A port the kernel handed out for port 0 could be handed out
    /// again, to a test's Kestrel or to an outgoing connection, while a test has this server stopped; one below the
    /// range is only ever taken by a process asking for it by number.
    /// </summary>
    private static int FreePort()
    {
        var ephemeralStart = File.Exists(EphemeralRange) && int.TryParse(File.ReadAllText(EphemeralRange).Split('\t', ' ')[0], out var first)
            ? first
            : 32768;
        for (var tries = 0; tries < 100; tries++)
        {
            var port = Random.Shared.Next(Math.Max(1024, ephemeralStart - 12000), ephemeralStart);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: draw again.
            }
        }
        throw new InvalidOperationException($"No free port found below {ephemeralStart}.");
    }

    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";

    private static Task RunAsPostgresAsync(string program, IReadOnlyList<string> arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : RunAsync(program, arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
