namespace Mvai.Bot.Intake.Prefill;

/// <summary>Settings of the model-assisted prefill, bound from <c>Intake:Prefill</c>. The model itself is the <c>Knowledge:OpenAI</c> one.</summary>
public sealed class IntakePrefillOptions
{
    public const string SectionName = "Intake:Prefill";

    /// <summary>How long the first reply may wait for the model before the rules' prefill is used alone.</summary>
    /// <value>3 seconds: someone asking for help at 2 a.m. should not watch a spinner.</value>
    public TimeSpan ModelTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
