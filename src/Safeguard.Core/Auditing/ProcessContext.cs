namespace Safeguard.Auditing;

/// <summary>
/// The process a change is made in: what is being done (<see cref="Process"/>, for example
/// <c>Users.Create</c>), by whom, when it started and, where the user gave one, why. Every change to a
/// record is saved inside one, and its audit events carry it.
/// </summary>
public sealed record ProcessContext(string Process, Actor Actor, DateTimeOffset StartedAt, string? Reason = null);
