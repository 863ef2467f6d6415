namespace Mvai.BotFramework.Dialogs;

/// <summary>
/// One step of a <see cref="WaterfallDialog"/>. It returns a prompt or child dialog (Waiting),
/// <see cref="WaterfallStepContext.NextAsync"/>, an end, a replace, or <see cref="Dialog.EndOfTurn"/>.
/// </summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
