using Safeguard.Interchange.Ssda903;

namespace Safeguard.Core.Tests.Interchange.Ssda903;

/// <summary>
/// Small reference files shaped as the real ones: a postcode lookup with the columns of ONS's National Statistics
/// Postcode Lookup (pcd, pcds, laua, oseast1m, osnrth1m: the fixture's Manchester postcodes and one in Bury) and a
/// provider register (URN, PLACE_CODES, PROVIDER_CODES, POSTCODE, LA_CODE, REG_DATE, REG_END). The returning
/// authority is Manchester (352), so the fixture's own-provision foster placement in M2 2BB is in the authority.
/// </summary>
internal static class Ssda903ReferenceFixture
{
    public const string PostcodeCsv =
        "pcd,pcds,dointr,doterm,laua,oseast1m,osnrth1m\n" +
        "M1  1AA,M1 1AA,198001,,E08000003,384124,397781\n" +
        "M2  2BB,M2 2BB,198001,,E08000003,383736,398286\n" +
        "BL9 0SW,BL9 0SW,198001,,E08000002,380433,410838\n";

    public const string ProviderCsv =
        "URN,PROVIDER_NAME,PLACE_CODES,PROVIDER_CODES,POSTCODE,LA_CODE,REG_DATE,REG_END\n" +
        "SC123456,Manchester fostering service,U1;U2;U3,PR1,M2 2BB,352,01/01/2010,\n" +
        "SC222222,Closed children's home,U1;K2,PR1,M1 1AA,352,01/01/2010,31/01/2025\n" +
        "SC333333,Bury fostering service,U1;U2,PR2,BL9 0SW,351,01/01/2010,\n";

    public static readonly Ssda903ReferenceData All = new()
    {
        Postcodes = Ssda903ReferenceData.ReadPostcodes("postcodes.csv", new StringReader(PostcodeCsv)),
        Providers = Ssda903ReferenceData.ReadProviders("providers.csv", new StringReader(ProviderCsv)),
        LocalAuthority = Ssda903ReferenceData.ResolveLocalAuthority("352"),
    };
}
