using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Intake.Requests;

/// <summary>
/// A request for MVAI assistance as the intake collects it. Every answer is optional until the summary:
/// the dialog skips questions whose answer is already known (for instance from the first message).
/// </summary>
public sealed class AssistanceRequest
{
    public string? RequesterName { get; set; }
    public string? RequesterTitle { get; set; }
    public string? AgencyName { get; set; }
    public AgencyType? AgencyType { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public ContactMethod? PreferredContact { get; set; }
    public IncidentType? IncidentType { get; set; }
    public DateOnly? IncidentDate { get; set; }
    public bool? SceneStillActive { get; set; }

    /// <summary>Rough number killed; null when not given, -1 when the user said it is unknown.</summary>
    public int? Killed { get; set; }

    /// <summary>Rough number injured; null when not given, -1 when the user said it is unknown.</summary>
    public int? Injured { get; set; }

    public List<HelpKind> HelpNeeded { get; set; } = [];
    public Urgency? Urgency { get; set; }
    public string? AdditionalDetails { get; set; }
    public bool? ConsentToShare { get; set; }

    /// <summary>Identifies this intake, so submitting it twice (a retry, a repeated activity) stores it once.</summary>
    public string? IntakeId { get; set; }

    /// <summary>The user asked to talk to a person during the intake.</summary>
    public bool WantsAdvisorContact { get; set; }
}

/// <summary>A confirmed request as stored: the answers plus who sent it, from where, and its progress.</summary>
public sealed class StoredAssistanceRequest
{
    public required string Reference { get; init; }
    public required AssistanceRequest Request { get; init; }
    public required string ChannelId { get; init; }
    public required string ConversationId { get; init; }
    public required string UserId { get; init; }
    public required ConversationReference ConversationReference { get; init; }
    public RequestStatus Status { get; set; } = RequestStatus.New;
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>This draft as a new stored request with its reference, submitted <paramref name="at"/>.</summary>
    public StoredAssistanceRequest Submitted(string reference, DateTimeOffset at) => new()
    {
        Reference = reference,
        Request = Request,
        ChannelId = ChannelId,
        ConversationId = ConversationId,
        UserId = UserId,
        ConversationReference = ConversationReference,
        Status = RequestStatus.New,
        SubmittedAt = at,
        UpdatedAt = at,
    };
}
