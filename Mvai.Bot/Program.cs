using Mvai.Bot;
using Mvai.Bot.Handoff.Console;
using Mvai.Bot.Operations.WarmUp;

// A tool for operators, handled before any host is built: prints the hash for an advisor's secret read from stdin.
if (HashAdvisorSecretCommand.Matches(args))
{
    return HashAdvisorSecretCommand.Run(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);
}

// Before listening, the hot paths run in a throwaway copy of the app, so the first users meet compiled code.
var warmUp = await StartupWarmUp.RunAsync(args);
var app = MvaiAssistantApp.Build(args);
warmUp.Log(app.Logger);
await app.RunAsync();
return 0;
