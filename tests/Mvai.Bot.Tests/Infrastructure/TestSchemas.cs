using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Handoff;
using Mvai.Bot.Handoff.Alerts;
using Mvai.Bot.Handoff.Console;
using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Privacy;
using Mvai.BotFramework.DirectLine;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;
using Mvai.BotFramework.Transcripts;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// The tables a store built outside a host needs: a host applies the registered components at start-up, a test that
/// builds a store on its own database applies them with <see cref="Migrated{T}"/>.
/// </summary>
public static class TestSchemas
{
    /// <summary>Every component the app registers, in the app's order (SchemaRegistrationTests keeps the two equal).</summary>
    public static IReadOnlyList<SchemaComponent> All { get; } =
    [
        StateSchema.BotState, SharedActivityDeduplicator.Schema, DirectLineSchema.Component, AssistanceRequestStore.Schema,
        AnswerRecordStore.Schema, TranscriptStore.Schema, HandoffStore.Schema, AlertOutboxStore.Schema, DatabaseXmlRepository.Schema,
        RequestDeskSchema.Component, PeerAdvisorStore.Schema, DataAuditStore.Schema,
    ];

    public static T Migrated<T>(this T database)
        where T : SqlDatabase
    {
        database.MigrateAsync(All, CancellationToken.None).GetAwaiter().GetResult();
        return database;
    }
}
