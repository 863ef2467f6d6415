namespace Mvai.BotFramework.DirectLine;

/// <summary>Where the generated token signing key lives when none is configured.</summary>
public interface ISigningKeyStore
{
    /// <summary>The stored key; the first caller (of any instance) creates it.</summary>
    byte[] GetOrCreate();
}
