using System.Security.Cryptography;
using System.Text;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.State;

namespace Mvai.BotFramework.Dialogs;

/// <summary>The dialogs a stack may run, by id; optionally bound to the state property holding the stack.</summary>
public sealed class DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private string? _version;

    public IEnumerable<Dialog> Dialogs => _dialogs.Values;

    /// <exception cref="InvalidOperationException">Another dialog already uses the id.</exception>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already in the set.");
        }
        _version = null;
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>
    /// A hash of every member's id and version, so a container notices when any child changed. Computed once per set of
    /// members (dialogs are added while they are built): every turn checks the stack against it.
    /// </summary>
    public string GetVersion() => _version ??= ComputeVersion();

    private string ComputeVersion()
    {
        var text = string.Join('\n', _dialogs.Values.Select(d => d.Id + "=" + d.GetVersion()));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>Loads the stack from the bound state property and wraps it in a context for this turn.</summary>
    /// <exception cref="InvalidOperationException">The set was created without a state property.</exception>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet was created without a DialogState property accessor.");
        }
        var state = await dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken)
            ?? new DialogState();
        return new DialogContext(this, turnContext, state);
    }
}
