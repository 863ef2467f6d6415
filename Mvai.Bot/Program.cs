using Mvai.Bot;
using Mvai.Bot.Handoff.Console;

// A tool for operators, handled before any host is built: prints the hash for an advisor's secret read from stdin.
if (HashAdvisorSecretCommand.Matches(args))
{
    return HashAdvisorSecretCommand.Run(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);
}

var app = MvaiAssistantApp.Build(args);
await app.RunAsync();
return 0;
