// Starts GOV.UK Frontend's components (loaded as a module after the page).
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';

initAll();
