// Decap starts itself when its bundle loads; the screen starts it with the configuration generated from the schemas.
window.CMS_MANUAL_INIT = true;
