using System.Text.Json.Serialization;
using Mvai.Bot.Desk.Reporting;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Desk.Roster;

namespace Mvai.Bot.Desk;

/// <summary>Source-generated JSON for the request desk's console API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RequestList))]
[JsonSerializable(typeof(RequestDetail))]
[JsonSerializable(typeof(RequestActionBody))]
[JsonSerializable(typeof(NoteBody))]
[JsonSerializable(typeof(ContactBody))]
[JsonSerializable(typeof(DeskResult))]
[JsonSerializable(typeof(ProgramReport))]
[JsonSerializable(typeof(PeerAdvisor))]
[JsonSerializable(typeof(RosterList))]
[JsonSerializable(typeof(RosterAudit))]
[JsonSerializable(typeof(RosterBody))]
[JsonSerializable(typeof(RosterResult))]
internal sealed partial class DeskJson : JsonSerializerContext;
