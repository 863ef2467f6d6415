namespace Mvai.Bot.Answering.Feedback;

/// <summary>Ids the assistant gives its answers: 32 lowercase hex digits, so one read back from a client can be checked.</summary>
internal static class AnswerIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsWellFormed(string? id) => id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
