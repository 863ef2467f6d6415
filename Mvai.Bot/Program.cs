using Mvai.Bot;

var app = MvaiAssistantApp.Build(args);
await app.RunAsync();
