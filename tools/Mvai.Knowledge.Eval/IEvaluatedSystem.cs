namespace Mvai.Knowledge.Eval;

/// <summary>A system under evaluation: ranked documents plus the text it would send.</summary>
public interface IEvaluatedSystem
{
    /// <summary>Name shown in the report.</summary>
    string Name { get; }

    /// <summary>Runs one question.</summary>
    /// <param name="question">The question.</param>
    /// <returns>Ranked distinct document ids, the reply text and the outcome label (Answered, LowConfidence or a safety kind).</returns>
    (IReadOnlyList<string> Documents, string Reply, string Outcome) Run(string question);
}
