namespace Mvai.Bot.Intake.Requests;

/// <summary>
/// Told about each request right after it is stored (the request desk alerts the MVAI team). It runs inside the
/// chief's turn, after "received" is certain: it must be quick, and a failure is logged, never shown to the chief.
/// </summary>
public interface IRequestSubmittedObserver
{
    Task OnSubmittedAsync(StoredAssistanceRequest stored, CancellationToken cancellationToken);
}
