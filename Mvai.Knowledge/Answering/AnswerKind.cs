namespace Mvai.Knowledge.Answering;

/// <summary>What kind of reply a <see cref="GuidanceAnswer"/> is.</summary>
public enum AnswerKind
{
    /// <summary>Answered from the guidance corpus with citations.</summary>
    Answered = 0,

    /// <summary>The guidance does not clearly cover the question; topics and a human advisor are offered instead.</summary>
    LowConfidence,

    /// <summary>The safety layer replied (911, crisis lines or a kind refusal); see <see cref="GuidanceAnswer.Safety"/>.</summary>
    Safety,
}
