namespace Safeguard.People;

/// <summary>
/// Moves an area's records from a duplicate person onto the record kept when the two are merged
/// (<see cref="PersonIndex.MergeAsync"/>). It changes tracked entities of the scoped context and does not save: the
/// merge saves them with the merge itself, in one transaction, audited under the merge's process and reason, so a
/// merge that is refused moves nothing. Adding an area whose records hang off a person is adding a mover.
/// </summary>
public interface IPersonRecordsMover
{
    /// <summary>Re-points the area's records of <paramref name="mergedId"/> to <paramref name="survivorId"/>, dropping or combining what would otherwise be a record about the person and themselves, or two of the same.</summary>
    Task MoveAsync(Guid mergedId, Guid survivorId, CancellationToken cancellationToken);
}
