using System.Text.Json.Serialization;

namespace Mvai.Bot.Handoff.Console;

/// <summary>Source-generated JSON for the console API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(QueueView))]
[JsonSerializable(typeof(CaseView))]
[JsonSerializable(typeof(IReadOnlyList<TranscriptLine>))]
[JsonSerializable(typeof(AdvisorView))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(ReplyRequest))]
[JsonSerializable(typeof(CloseRequest))]
[JsonSerializable(typeof(ActionResult))]
[JsonSerializable(typeof(ConsoleError))]
internal sealed partial class AdvisorConsoleJson : JsonSerializerContext;
