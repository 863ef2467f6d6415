namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// <c>dotnet run --project Mvai.Bot -- hash-advisor-secret</c>: reads a secret from stdin (one line) and prints
/// the <c>SecretHash</c> to put in <c>Advisors:Accounts</c>. The secret never appears on the command line,
/// where shell history and process lists would keep it.
/// </summary>
public static class HashAdvisorSecretCommand
{
    public const string Name = "hash-advisor-secret";
    private const int MinimumSecretLength = 12;

    public static bool Matches(string[] args) => args is [Name, ..];

    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (interactive)
        {
            error.Write("Advisor secret (input is shown; pipe it in to keep it off the screen): ");
        }
        var secret = input.ReadLine()?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumSecretLength)
        {
            error.WriteLine($"The secret must be at least {MinimumSecretLength} characters.");
            return 1;
        }
        output.WriteLine(AdvisorSecretHash.Create(secret));
        return 0;
    }
}
