namespace Safeguard.Common;

/// <summary>
/// A request that Safeguard refuses because of what was asked, not because of a fault. Each problem names
/// the field it is about so a page can show it beside that field and an import can name the element.
/// </summary>
public sealed class SafeguardValidationException : Exception
{
    public SafeguardValidationException(string field, string message)
        : this([new ValidationProblem(field, message)])
    {
    }

    public SafeguardValidationException(IReadOnlyList<ValidationProblem> problems)
        : base(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")))
    {
        Problems = problems;
    }

    public SafeguardValidationException()
        : this([])
    {
    }

    public SafeguardValidationException(string message)
        : this("", message)
    {
    }

    public SafeguardValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new ValidationProblem("", message)];
    }

    public IReadOnlyList<ValidationProblem> Problems { get; }
}

public sealed record ValidationProblem(string Field, string Message);
