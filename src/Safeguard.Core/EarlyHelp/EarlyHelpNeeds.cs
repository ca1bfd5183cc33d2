namespace Safeguard.EarlyHelp;

/// <summary>
/// The needs an early help assessment identifies, by category: the ten headline outcomes of the Supporting Families
/// national framework (Department for Levelling Up, Housing and Communities, 2022), which early help services in
/// England report against. Each code is stored; the names are for display.
/// </summary>
public static class EarlyHelpNeeds
{
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
    [
        ("education", "Getting a good education (attendance, exclusion, special educational needs)"),
        ("early-years", "Good early years development"),
        ("health", "Improved mental and physical health"),
        ("substance-use", "Recovery from and reduced harm from substance use"),
        ("relationships", "Improved family relationships and parenting"),
        ("safe-from-harm", "Children safe from abuse and exploitation"),
        ("crime", "Crime prevention and tackling crime"),
        ("domestic-abuse", "Safe from domestic abuse"),
        ("housing", "Secure housing"),
        ("finances", "Financial stability and work"),
    ];

    public static bool IsCode(string code) => All.Any(n => n.Code == code);

    public static string Name(string code) => All.FirstOrDefault(n => n.Code == code).Name ?? code;
}

/// <summary>Display text for the area's codes.</summary>
public static class EarlyHelpText
{
    public static string Describe(EarlyHelpSource source) => source switch
    {
        EarlyHelpSource.FrontDoor => "Front door decision",
        EarlyHelpSource.StepDown => "Step-down from children's social care",
        EarlyHelpSource.PartnerAgency => "A partner agency directly",
        _ => source.ToString(),
    };

    public static string Describe(EarlyHelpOutcome outcome) => outcome switch
    {
        EarlyHelpOutcome.NeedsMet => "Needs met",
        EarlyHelpOutcome.SteppedUp => "Stepped up to children's social care",
        EarlyHelpOutcome.MovedAway => "Moved away",
        EarlyHelpOutcome.ConsentWithdrawn => "Consent withdrawn",
        EarlyHelpOutcome.Other => "Other",
        _ => outcome.ToString(),
    };

    public static string Describe(EarlyHelpProgress progress) => progress switch
    {
        EarlyHelpProgress.Improving => "Improving",
        EarlyHelpProgress.NoChange => "No change",
        EarlyHelpProgress.Worsening => "Worsening",
        _ => progress.ToString(),
    };
}
