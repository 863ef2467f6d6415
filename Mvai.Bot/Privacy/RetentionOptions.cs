using System.ComponentModel.DataAnnotations;

namespace Mvai.Bot.Privacy;

/// <summary>
/// How long personal data is kept (section <c>Retention</c>). <see cref="Days"/> applies to every kind of record;
/// each <c>*Days</c> override, when set, replaces it for one kind.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Turns the purge off (records are then kept until deleted on demand). Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days a record is kept after it was last used or closed. Default 90.</summary>
    [Range(1, 36500)]
    public int Days { get; set; } = 90;

    /// <summary>Conversation transcripts (every message of every conversation), counted from each message.</summary>
    [Range(1, 36500)]
    public int? TranscriptDays { get; set; }

    /// <summary>Stored requests, counted from their last update; only closed or handed-over ones go.</summary>
    [Range(1, 36500)]
    public int? RequestDays { get; set; }

    /// <summary>Closed handoff cases with their messages and audit, counted from closing.</summary>
    [Range(1, 36500)]
    public int? HandoffDays { get; set; }

    /// <summary>The embedded Direct Line's activity log (Web Chat conversations).</summary>
    [Range(1, 36500)]
    public int? DirectLineDays { get; set; }

    /// <summary>
    /// Advisor alerts (their text names the user): a sent one counted from sending, one never sent (its channel kept
    /// failing) from its creation.
    /// </summary>
    [Range(1, 36500)]
    public int? AlertDays { get; set; }

    /// <summary>Conversation and user state (an unfinished intake) idle for this long.</summary>
    [Range(1, 36500)]
    public int? ConversationStateDays { get; set; }

    /// <summary>Time between purges. Default one hour.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
