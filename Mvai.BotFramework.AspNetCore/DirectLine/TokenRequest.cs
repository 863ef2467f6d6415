using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>The optional body of <c>/tokens/generate</c> and <c>/conversations</c>: <c>{user:{id,name}}</c>.</summary>
internal sealed record TokenRequest(ChannelAccount? User);
