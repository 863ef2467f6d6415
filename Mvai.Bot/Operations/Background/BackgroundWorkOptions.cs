using System.ComponentModel.DataAnnotations;

namespace Mvai.Bot.Operations.Background;

/// <summary>Limits of the background work queue (section <c>BackgroundWork</c>).</summary>
public sealed class BackgroundWorkOptions
{
    public const string SectionName = "BackgroundWork";

    /// <summary>Work items waiting at most; beyond that callers do the work themselves.</summary>
    /// <value>Defaults to 256.</value>
    [Range(1, 100_000)]
    public int Capacity { get; set; } = 256;

    /// <summary>Work items run at once (late answers mostly wait on the language model).</summary>
    /// <value>Defaults to 8.</value>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;
}
