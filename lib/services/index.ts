// Every service definition registers itself with the engine when imported here.
import "./temporary-registration/definition";
import "./kandas-status/definition";
import "./kandas-citizenship/definition";

export * from "./ids";
