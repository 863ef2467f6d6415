using Mvai.Bot.Handoff.Console;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// <c>POST /api/advisor/requests/{reference}/contacts</c> <c>{method, by, at}</c>: the signed-in advisor records that
/// the team or the peer advisor reached the agency (by phone, e-mail or Teams; <c>at</c> defaults to now and may be
/// earlier, never before the request or in the future).
/// </summary>
internal static class AgencyContactEndpoint
{
    public static async Task<IResult> RecordAsync(
        HttpContext http, string reference, ContactBody body, RequestDesk desk, IRequestDeskStore store, TimeProvider clock)
    {
        if (!TryParse(body.Method, out AgencyContactMethod method))
        {
            return RequestDeskEndpoints.Error(StatusCodes.Status400BadRequest, "Say how the agency was reached: Phone, Email or Teams.");
        }
        var by = AgencyContactBy.Team;
        if (body.By is not null && !TryParse(body.By, out by))
        {
            return RequestDeskEndpoints.Error(StatusCodes.Status400BadRequest, "Say who reached the agency: Team or PeerAdvisor.");
        }
        if (await store.GetAsync(reference, http.RequestAborted) is not { } request)
        {
            return RequestDeskEndpoints.NotFound();
        }
        var now = clock.GetUtcNow();
        var at = body.At ?? now;
        if (at > now + AgencyContact.ClockSkew || at < request.Stored.SubmittedAt)
        {
            return RequestDeskEndpoints.Error(StatusCodes.Status400BadRequest,
                "The time of the contact must be after the request was submitted and not in the future.");
        }
        if (by == AgencyContactBy.PeerAdvisor && request.Progress.PeerAdvisorId is null)
        {
            return RequestDeskEndpoints.Error(StatusCodes.Status400BadRequest, "No peer advisor is assigned to this request yet.");
        }
        var outcome = await desk.RecordContactAsync(request, new AgencyContact(method, by, at > now ? now : at), http.User.Advisor().Id, http.RequestAborted);
        return outcome switch
        {
            DeskOutcome.Done => Results.Json(new DeskResult(true, true, null, request.Progress.Version), DeskJson.Default.DeskResult),
            DeskOutcome.NotFound => RequestDeskEndpoints.NotFound(),
            _ => RequestDeskEndpoints.Error(StatusCodes.Status409Conflict, "This request is closed or withdrawn; contacts are no longer recorded on it."),
        };
    }

    // Names only: Enum.TryParse would also take "2" or "Phone,Email".
    private static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out value);
    }
}

internal sealed record ContactBody(string? Method, string? By, DateTimeOffset? At);
