namespace Safeguard.Identity;

public static class SafeguardClaimTypes
{
    public const string Permission = "safeguard:permission";
    public const string AgencyId = "safeguard:agency";
    public const string DisplayName = "safeguard:name";
}
