using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// Mints and checks Direct Line tokens: HMAC-SHA256 JWTs naming one conversation and optionally the
/// user they are bound to. Expiry is checked against the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class DirectLineTokenService
{
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lazy<SymmetricSecurityKey> _key;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _clock;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, ISigningKeyStore keyStore, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock;
        _key = new Lazy<SymmetricSecurityKey>(() => new SymmetricSecurityKey(
            string.IsNullOrEmpty(_options.TokenSigningKey)
                ? keyStore.GetOrCreate()
                : SHA256.HashData(Encoding.UTF8.GetBytes(_options.TokenSigningKey))));
    }

    public DirectLineToken Issue(string conversationId, string? userId)
    {
        var now = _clock.GetUtcNow();
        var expires = now + _options.TokenLifetime;
        var claims = new Dictionary<string, object> { [ConversationClaim] = conversationId };
        if (!string.IsNullOrEmpty(userId))
        {
            claims[UserClaim] = userId;
        }
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.TokenIssuer,
            Audience = _options.TokenIssuer,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(_key.Value, SecurityAlgorithms.HmacSha256),
        });
        return new DirectLineToken(token, conversationId, userId, expires, (int)_options.TokenLifetime.TotalSeconds);
    }

    /// <summary>The token's content; null when it is forged, malformed or (<c>Expired</c>) out of date.</summary>
    public async Task<(DirectLineToken? Token, bool Expired)> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.TokenIssuer,
            ValidAudience = _options.TokenIssuer,
            IssuerSigningKey = _key.Value,
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId))
        {
            return (null, false);
        }
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        var remaining = expires - _clock.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return (null, true);
        }
        jwt.TryGetPayloadValue<string>(UserClaim, out var userId);
        return (new DirectLineToken(token, conversationId, userId, expires, (int)remaining.TotalSeconds), false);
    }
}
