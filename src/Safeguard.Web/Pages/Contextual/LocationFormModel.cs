using Safeguard.ComplexSafeguarding;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>What the place pages (add and change) share: the form and turning it into details.</summary>
public abstract class LocationFormModel : SafeguardPageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty]
    public LocationInput Input { get; set; } = new();

    protected LocationDetails Details() => new()
    {
        Name = Input.Name,
        Type = Enum.TryParse<LocationType>(Input.Type, out var t) ? t : null,
        Postcode = Input.Postcode,
        Description = Input.Description,
    };

    public sealed class LocationInput
    {
        public string? Name { get; set; }

        public string? Type { get; set; }

        public string? Postcode { get; set; }

        public string? Description { get; set; }
    }
}
