namespace Mvai.Knowledge.Safety;

/// <summary>Suicide spoken of as someone's own, shared by the warning signs and the safety screen.</summary>
internal static class SuicidePhrases
{
    /// <summary>
    /// "he's suicidal", "thinking about suicide", "a suicide attempt": the word alone is not enough, because questions about
    /// suicide prevention, awareness training or a death by suicide being announced are guidance, with the 988 line beside
    /// the answer, not a crisis reply in place of it.
    /// </summary>
    public const string Personal =
        @"\b(i'?m|im|i\s+am|feel(ing|s)?|felt|he'?s|hes|she'?s|shes|is|was|been|gets?|getting|sounds?|seems?|went|go(ing)?)\s+(\w+\s+){0,2}suicidal\b|\b(commit\w*|attempt\w*|tried|try(ing)?|thinking\s+(of|about))\s+(\w+\s+){0,1}suicide\b|\bsuicide\s+(attempt|threat|watch|plan)|\bsuicidal\s+(thoughts|talk|ideation|ideas|statements?|texts?|posts?)\b(?![^.!?]{0,40}\b(program|training|policy|prevention|awareness)\b)";
}
