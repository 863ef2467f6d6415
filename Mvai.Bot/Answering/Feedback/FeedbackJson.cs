using System.Text.Json.Serialization;

namespace Mvai.Bot.Answering.Feedback;

[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class FeedbackJson : JsonSerializerContext;
