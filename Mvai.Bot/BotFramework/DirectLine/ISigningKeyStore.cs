namespace Mvai.Bot.BotFramework.DirectLine;

/// <summary>Where the generated token signing key lives when none is configured.</summary>
internal interface ISigningKeyStore
{
    /// <summary>The stored key; the first caller (of any instance) creates it.</summary>
    byte[] GetOrCreate();
}
