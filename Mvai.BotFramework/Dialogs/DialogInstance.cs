namespace Mvai.BotFramework.Dialogs;

/// <summary>
/// One dialog on the stack: which dialog, the version it was started with, and its private state.
/// </summary>
/// <remarks>
/// State values are plain objects during a turn, but after a reload from storage they come back as
/// <see cref="System.Text.Json.JsonElement"/>: always read them through <see cref="GetValue{T}"/>, which
/// converts by the declared type (e.g. a step index stored as an int and read back as a number element).
/// </remarks>
public sealed class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The dialog's <see cref="Dialog.GetVersion"/> when the instance was pushed.</summary>
    public string? Version { get; set; }

    public Dictionary<string, object?> State { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The value under <paramref name="key"/> as <typeparamref name="T"/>, or default when absent.</summary>
    public T? GetValue<T>(string key) => DialogValues.Get<T>(State, key);

    public void SetValue<T>(string key, T value) => State[key] = value;
}
