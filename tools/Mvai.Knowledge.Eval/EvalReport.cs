namespace Mvai.Knowledge.Eval;

/// <summary>Figures for one system over the evaluation set (rates are 0..1, latency in milliseconds).</summary>
public sealed record EvalReport(
    string System, double Top1, double Top3, double Facts, double SafetyPass, double FalseRefusals, double P50, double P99, IReadOnlyList<string> Misses);
