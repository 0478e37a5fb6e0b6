// Every service definition registers itself with the engine when imported here.
import "./temporary-registration/definition";
import "./household-permit/definition";
import "./refugee-renewal/definition";
import "./kandas-status/definition";
import "./kandas-citizenship/definition";

export * from "./ids";
