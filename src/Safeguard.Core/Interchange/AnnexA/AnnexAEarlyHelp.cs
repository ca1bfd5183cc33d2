namespace Safeguard.Interchange.AnnexA;

/// <summary>An early help assessment as list 2 needs it: the child, when it started and was completed, and who completed it.</summary>
public sealed record AnnexAEarlyHelpAssessment(Guid PersonId, DateOnly StartedOn, DateOnly? CompletedOn, string Organisation);

/// <summary>
/// Where list 2 (early help assessments) comes from: the early help assessments started, completed or open in the window.
/// Filled once early help records exist in Safeguard; until then <see cref="NoEarlyHelpRecords"/> gives none, and list 2 is
/// written with its header and no rows.
/// </summary>
public interface IAnnexAEarlyHelpSource
{
    IAsyncEnumerable<AnnexAEarlyHelpAssessment> AssessmentsAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken);
}

/// <summary>No early help records yet: list 2 has its header and no rows (to be replaced when early help records exist).</summary>
public sealed class NoEarlyHelpRecords : IAnnexAEarlyHelpSource
{
    public async IAsyncEnumerable<AnnexAEarlyHelpAssessment> AssessmentsAsync(DateOnly from, DateOnly until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }
}
