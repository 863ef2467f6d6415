using System.ComponentModel.DataAnnotations;

namespace Mvai.Bot.Handoff;

/// <summary>The <c>Handoff</c> configuration section.</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>
    /// Also send <c>handoff.initiate</c> to the channel, for an external contact-center hub listening there.
    /// The built-in advisor hub always receives it.
    /// </summary>
    public bool ExternalHub { get; set; }

    /// <summary>How many recent messages travel with the handoff as its transcript.</summary>
    [Range(1, 10_000)]
    public int TranscriptLength { get; set; } = 50;

    /// <summary>How often the queue is checked for handoffs nobody claimed in time.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What the on-call advisor aims for when called out, told to users honestly (e.g. "within an hour").</summary>
    public TimeSpan OnCallCallbackTarget { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The public address of the app, for links to the advisor console in alerts; none when empty.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
