using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Understanding;

/// <summary>A message labelled with its route: the nearest of these decide how a new message is read.</summary>
/// <param name="Text">The message as typed.</param>
/// <param name="Route">The route it must take.</param>
/// <param name="Refusal">For <see cref="MessageRoute.OutOfScope"/>, which refusal fits; otherwise <see cref="SafetyKind.None"/>.</param>
public sealed record RouteExample(string Text, MessageRoute Route, SafetyKind Refusal = SafetyKind.None);
