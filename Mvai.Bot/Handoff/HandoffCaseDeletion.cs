namespace Mvai.Bot.Handoff;

/// <summary>The statements that delete handoff cases with their messages and audit, the same on every database.</summary>
internal static class HandoffCaseDeletion
{
    /// <summary>Children first; the last statement's count is the number of cases. <paramref name="where"/> comes from the store, never from input.</summary>
    public static string[] Statements(string where) =>
    [
        $"DELETE FROM handoff_messages WHERE case_id IN (SELECT id FROM handoff_cases WHERE {where})",
        $"DELETE FROM handoff_audit WHERE case_id IN (SELECT id FROM handoff_cases WHERE {where})",
        $"DELETE FROM handoff_cases WHERE {where}",
    ];
}
