using System.Globalization;

namespace Mvai.Bench.Measurement;

/// <summary>A process's CPU time and memory as Linux counts them, read from <c>/proc</c>.</summary>
/// <param name="Cpu">User plus system time since the process started (<c>utime + stime</c> of <c>/proc/PID/stat</c>).</param>
/// <param name="PeakRssBytes">The highest resident set size so far (<c>VmHWM</c> of <c>/proc/PID/status</c>).</param>
/// <param name="RssBytes">The resident set size now (<c>VmRSS</c>).</param>
internal readonly record struct ProcessSample(TimeSpan Cpu, long PeakRssBytes, long RssBytes);

/// <summary>Parses <c>/proc</c>: another process's CPU and memory, and the machine's load average.</summary>
internal static class ProcFs
{
    /// <summary>
    /// USER_HZ, the unit of <c>utime</c> and <c>stime</c>: 100 on every Linux x86-64 and arm64 build (the kernel's
    /// own tick rate may differ, but what it reports to user space is scaled to this).
    /// </summary>
    public const int TicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        var status = File.ReadAllText($"/proc/{pid}/status");
        return new(CpuOf(File.ReadAllText($"/proc/{pid}/stat")), Kibibytes(status, "VmHWM:") * 1024, Kibibytes(status, "VmRSS:") * 1024);
    }

    /// <summary><c>utime + stime</c> of a <c>/proc/PID/stat</c> line.</summary>
    /// <remarks>
    /// The second field is the command name in parentheses and may itself hold spaces and parentheses
    /// ("(Mvai Bot (x))"), so the fields are counted from the last ')': state is field 3, utime 14 and stime 15.
    /// </remarks>
    public static TimeSpan CpuOf(string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            throw new FormatException("Not a /proc/PID/stat line: no command name in parentheses.");
        }
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state), so field N is fields[N - 3].
        if (fields.Length < 13)
        {
            throw new FormatException($"A /proc/PID/stat line has {fields.Length + 2} fields, fewer than 15.");
        }
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromTicks(ticks * (TimeSpan.TicksPerSecond / TicksPerSecond));
    }

    /// <summary>The value in kB of a <c>/proc/PID/status</c> line such as <c>VmHWM:   228412 kB</c>.</summary>
    public static long Kibibytes(string status, string key)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var value = line[key.Length..].Trim();
                return long.Parse(value.EndsWith(" kB", StringComparison.Ordinal) ? value[..^3] : value, CultureInfo.InvariantCulture);
            }
        }
        throw new FormatException($"No '{key}' line in /proc/PID/status.");
    }

    /// <summary>The 1, 5 and 15 minute load averages, as <c>uptime</c> prints them ("1.23, 2.34, 3.45").</summary>
    public static string LoadAverage() => LoadAverageOf(File.ReadAllText("/proc/loadavg"));

    public static string LoadAverageOf(string loadavg) => string.Join(", ", loadavg.Split(' ', 4)[..3]);
}
