// Every service definition registers itself with the engine when imported here.
import "./temporary-registration/definition";

export * from "./ids";
