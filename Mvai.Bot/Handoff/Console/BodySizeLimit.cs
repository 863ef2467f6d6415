using Microsoft.AspNetCore.Http.Metadata;

namespace Mvai.Bot.Handoff.Console;

/// <summary>A request body limit for a group of console endpoints: anything far larger than a note is refused before it is read.</summary>
internal sealed class BodySizeLimit(long maxBytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => maxBytes;
}
